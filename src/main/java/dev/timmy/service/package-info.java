/**
 * Timmy as a service, wiring only: {@link dev.timmy.service.Service} assembles the pipeline (the
 * observer of {@code observe}, the targets of {@code act}, the journal), the loop and the API
 * from timmy.yml and the environment; {@link dev.timmy.service.Serve} and
 * {@link dev.timmy.service.SnapshotCommand} are the {@code serve} and {@code snapshot} commands.
 */
package dev.timmy.service;
