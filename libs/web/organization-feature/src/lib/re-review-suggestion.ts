const STORAGE_KEY_PREFIX = 'model-inventory.re-review-suggestion-dismissed.';

/** Whether this browser has already put away the "turn on re-review" suggestion for the organisation. */
export function reReviewSuggestionDismissed(organizationId: number): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY_PREFIX + organizationId) !== null;
  } catch {
    return false;
  }
}

/** Remembers in this browser that the suggestion was seen off, so it is shown only once. */
export function dismissReReviewSuggestion(organizationId: number): void {
  try {
    localStorage.setItem(STORAGE_KEY_PREFIX + organizationId, new Date().toISOString());
  } catch {
    // storage may be unavailable (private mode): the suggestion then comes back on the next visit
  }
}
