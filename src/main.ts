import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { registerServiceWorker } from './lib/offline/registerServiceWorker';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html must contain <div id="app">');

registerServiceWorker();

export default mount(App, { target });
