// WXT loads every module in modules/ by itself: this one adds the Vite plugin that takes
// Readability's innerHTML assignments out of the article reader's bundle (see the plugin).
import { addViteConfig, defineWxtModule } from 'wxt/modules';
import { readabilityNoHtmlSink } from '../scripts/build/readability-no-html-sink';

export default defineWxtModule((wxt) => {
  addViteConfig(wxt, () => ({ plugins: [readabilityNoHtmlSink()] }));
});
