/**
 * {@code timmy.yml}: {@link dev.timmy.config.TimmyConfig} and its sections, bound key by key so
 * that every problem is reported at once with its line, unknown keys included; secrets only from
 * the environment ({@link dev.timmy.config.Secrets}). No file means the embedded demo.
 */
package dev.timmy.config;
