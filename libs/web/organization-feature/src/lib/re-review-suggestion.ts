const STORAGE_KEY_PREFIX = 'model-inventory.re-review-suggestion-shown.';

/** Whether this browser has already shown the organisation's Admin the "turn on re-review" suggestion. */
export function reReviewSuggestionShown(organizationId: number): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY_PREFIX + organizationId) !== null;
  } catch {
    return false;
  }
}

/** Remembers in this browser that the suggestion has been shown, so a later visit does not show it again. */
export function rememberReReviewSuggestionShown(organizationId: number): void {
  try {
    localStorage.setItem(STORAGE_KEY_PREFIX + organizationId, new Date().toISOString());
  } catch {
    // storage may be unavailable (private mode): the suggestion then comes back on the next visit
  }
}
