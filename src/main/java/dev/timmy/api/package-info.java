/**
 * Timmy's HTTP API (Javalin 7): {@link dev.timmy.api.ApiServer} registers every route up front
 * and answers errors as one {@link dev.timmy.api.ApiError}; {@link dev.timmy.api.Latest} keeps the
 * decision in force and {@link dev.timmy.api.Metrics} counts cycles, both fed by the cycle
 * listener; bodies are in {@link dev.timmy.api.Wire}; {@code openapi.yaml} describes it all.
 */
package dev.timmy.api;
