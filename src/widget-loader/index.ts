import { start } from './loader';

start( document, window );
