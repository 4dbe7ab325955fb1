package dev.timmy.facts;

/**
 * Where a piece of dispatched work stands, as Gitea shows it. READY: labelled for an agent, not yet
 * assigned; DISPATCHED: assigned, the agent has not said a word; WORKING: the agent has commented;
 * PR_OPEN: a pull request closes it; CI_FAILED and CHANGES_REQUESTED: that pull request needs the
 * agent again; APPROVED: it waits for the merge. A merged pull request closes the issue, which then
 * leaves the open backlog (its agent's record counts it).
 */
public enum WorkStage { READY, DISPATCHED, WORKING, PR_OPEN, CI_FAILED, CHANGES_REQUESTED, APPROVED }
