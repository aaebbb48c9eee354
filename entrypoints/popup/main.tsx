import { render } from 'preact';
render(<p>Backstory</p>, document.getElementById('app')!);
