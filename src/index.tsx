import { createRoot } from '@wordpress/element';

import { App } from './App';
import './index.scss';

const ROOT_ID = 'causerie-connector-root';

const container = document.getElementById( ROOT_ID );
if ( container ) {
	createRoot( container ).render( <App /> );
}
