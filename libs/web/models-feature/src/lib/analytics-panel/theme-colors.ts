/**
 * Resolves a CSS custom property (e.g. `--mi-status-approved`) to a colour the canvas understands.
 * Theme tokens may be `light-dark(...)` or `var(...)` expressions, which only the style engine resolves,
 * so the value is applied to a probe element and read back as `rgb(...)`.
 */
export function resolveColor(host: HTMLElement, customProperty: string, fallback = '#888888'): string {
  const probe = host.ownerDocument.createElement('span');
  probe.style.color = `var(${customProperty}, ${fallback})`;
  probe.style.display = 'none';
  host.appendChild(probe);
  const color = getComputedStyle(probe).color || fallback;
  probe.remove();
  return color;
}

/** The colour with an alpha channel, for area fills. */
export function withAlpha(color: string, alpha: number): string {
  const rgb = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  if (rgb) {
    return `rgba(${rgb[1]}, ${rgb[2]}, ${rgb[3]}, ${alpha})`;
  }
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex) {
    return `rgba(${parseInt(hex[1], 16)}, ${parseInt(hex[2], 16)}, ${parseInt(hex[3], 16)}, ${alpha})`;
  }
  return color;
}
