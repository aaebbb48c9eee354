/**
 * The page Backstory opens after an install that left it without site access (Firefox MV3; see
 * lib/platform.ts): what Backstory does, why it needs to read pages, and the one-click grant.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { SiteAccessNotice } from '../../components/site-access/SiteAccessNotice';
import './onboarding.css';

render(
  <main class="bs-onboarding">
    <h1>Welcome to Backstory</h1>
    <p class="bs-muted">Context while you read the news: who is who, and how outlets disagree about them.</p>
    <SiteAccessNotice permissions={browser.permissions} showWhenGranted />
  </main>,
  document.getElementById('app')!,
);
