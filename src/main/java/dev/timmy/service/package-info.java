/**
 * Timmy as a service: {@link dev.timmy.service.Service} assembles the pipeline, the loop and the
 * API from timmy.yml and the environment; {@link dev.timmy.service.Serve} and
 * {@link dev.timmy.service.SnapshotCommand} are the {@code serve} and {@code snapshot} commands.
 */
package dev.timmy.service;
