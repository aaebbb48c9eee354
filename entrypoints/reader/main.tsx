import { render } from 'preact';
import { bundledKb } from '~/lib/storage/bundled';
import { Reader } from './Reader';

render(<Reader kb={bundledKb} search={location.search} />, document.getElementById('app')!);
