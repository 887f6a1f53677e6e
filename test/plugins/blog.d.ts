/** The types of blog.js, which web-test-runner's config loads as plain JavaScript. */
export function blogPolicy(server: string): string;
export function blogPage(server: string, thread: string): string;
export function blogPlugin(): object;
