import { registerBlockType } from '@wordpress/blocks';

import metadata from './block.json';
import { ChatEdit, type ChatAttributes } from './ChatEdit';

// Rendered on the server (Chat_Embed): nothing is saved in the post but the block's comment and attributes.
registerBlockType< ChatAttributes >( metadata, {
	edit: ChatEdit,
	save: () => null,
} );
