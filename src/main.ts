import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerServiceWorker } from './lib/offline/registerServiceWorker';
import { startTestSweep } from './lib/app/testHooks';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html must contain <div id="app">');

registerServiceWorker();
startTestSweep();

export default mount(App, { target });
