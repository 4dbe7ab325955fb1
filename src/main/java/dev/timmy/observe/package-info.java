/**
 * The observe stage: what Timmy reads of the world, as {@code facts} records. {@link
 * dev.timmy.observe.Observer} is what a cycle observes through; {@link
 * dev.timmy.observe.LiveObserver} reads the Gitea backlog ({@code observe/gitea}, through the
 * {@code gitea} adapter), the house ({@code observe/house}, through {@code host}), the quotas and
 * what the local models said; {@link dev.timmy.observe.DemoHouse} reads a recorded house. What a
 * source could not read becomes a gap. Nothing here derives (the {@code derive} stage does) or
 * decides.
 */
package dev.timmy.observe;
