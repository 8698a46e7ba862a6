/** Topics are matched between articles and reviewers, so both are stored the same way: trimmed, lower-case, once. */
export function normalizeTopics(topics: string[]): string[] {
  return [...new Set(topics.map((t) => t.trim().toLowerCase()).filter(Boolean))];
}
