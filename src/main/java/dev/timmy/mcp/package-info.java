/**
 * The MCP server: Timmy's questions (backlog, explain, agents, house, next_task, history) and,
 * for the admin, simulate, as Model Context Protocol tools over stdio ({@code timmy mcp}) and
 * streamable HTTP ({@code POST /mcp} on the running server). The tool bodies are the API's
 * answers ({@link dev.timmy.api.Answers}); a tool that cannot answer is a tool error carrying the
 * API's code.
 */
package dev.timmy.mcp;
