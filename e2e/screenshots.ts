// Where screenshot tests write: the ignored test-results/screenshots/ by default, docs/ (which
// the README shows, and which is committed) only when UPDATE_SCREENSHOTS=1 asks for it.
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

/** `name` relative to docs/, e.g. "screenshots/phone-390x844.png". */
export function screenshotPath(name: string): string {
  return `${UPDATE ? 'docs' : 'test-results/screenshots'}/${name}`;
}
