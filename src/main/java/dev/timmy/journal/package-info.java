/**
 * What Timmy decided and did, in one SQLite file (WAL, versioned migrations):
 * {@link dev.timmy.journal.Journal} writes a cycle as it happens, intent before acting and
 * outcome after; {@link dev.timmy.journal.JournalReader} answers the API, the CLI and the
 * authority's budgets.
 */
package dev.timmy.journal;
