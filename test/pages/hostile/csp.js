/* global window, document */
// The page's own behaviour under its strict policy: records every policy violation and writes
// its own text, so a test can tell whether anything (Backstory included) tripped the policy.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
});
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('own').textContent = 'Written by the page under its own policy.';
});
window.pageState = () => ({ violations: window.__violations, own: document.getElementById('own').textContent });
