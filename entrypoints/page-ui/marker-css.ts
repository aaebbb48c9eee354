/** The recognised paragraphs' markers: quiet until hovered or focused; light and dark. */
export const MARKER_CSS = `
:host { all: initial; }
.bs-cited-marker {
  position: absolute;
  width: 20px;
  height: 20px;
  padding: 0;
  border: 1px solid rgb(37 99 235 / 0.35);
  border-radius: 50%;
  background: rgb(255 255 255 / 0.9);
  color: #1d4ed8;
  font: 12px/18px system-ui, sans-serif;
  text-align: center;
  cursor: pointer;
  opacity: 0.55;
  z-index: 2147483646;
}
.bs-cited-marker:hover, .bs-cited-marker:focus-visible { opacity: 1; }
.bs-cited-marker:focus-visible { outline: 2px solid #2563eb; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .bs-cited-marker { background: rgb(29 33 41 / 0.9); color: #93c5fd; border-color: rgb(96 165 250 / 0.45); }
}
`;
