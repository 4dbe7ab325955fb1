/**
 * The pipeline in time: {@link dev.timmy.cycle.Cycle} runs observe ({@code observe}), derive
 * ({@code derive}), evaluate ({@code decide}), authorise and execute ({@code act}), record
 * ({@code journal}) once; {@link dev.timmy.cycle.CycleLoop} runs it on a schedule and on demand,
 * never two at once; {@link dev.timmy.cycle.RulesWatcher} reloads edited rules between cycles.
 */
package dev.timmy.cycle;
