// The editor's packages are WordPress globals at run time (wp.plugins, wp.editor): wp-scripts maps the imports
// to them. Only what the panel uses is typed here, rather than installing the packages for their types.
declare module '@wordpress/plugins' {
	import type { ComponentType } from 'react';

	export function registerPlugin(
		name: string,
		settings: { render: ComponentType; icon?: string | null }
	): unknown;
}

declare module '@wordpress/editor' {
	import type { ReactNode } from 'react';

	export function PluginDocumentSettingPanel( props: {
		name: string;
		title: string;
		className?: string;
		children?: ReactNode;
	} ): JSX.Element;
}
