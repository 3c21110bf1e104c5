import { registerPlugin } from '@wordpress/plugins';

import { KnowledgePanel } from './KnowledgePanel';

registerPlugin( 'causerie-knowledge', { render: KnowledgePanel, icon: null } );
