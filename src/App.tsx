import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Notice,
	Spinner,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { SiteSummary } from './components/SiteSummary';
import { useSiteInfo } from './hooks/useSiteInfo';

export function App() {
	const { data, isBusy, error, reload } = useSiteInfo();

	return (
		<Card className="causerie-app">
			<CardHeader>
				<h2>{ __( 'This site', 'causerie-connector' ) }</h2>
			</CardHeader>
			<CardBody>
				{ isBusy && ! data && (
					<p role="status">
						<Spinner />
						{ __( 'Loading…', 'causerie-connector' ) }
					</p>
				) }
				{ error && (
					<Notice status="error" isDismissible={ false }>
						<p>{ error.message }</p>
						<Button variant="secondary" onClick={ reload }>
							{ __( 'Try again', 'causerie-connector' ) }
						</Button>
					</Notice>
				) }
				{ data && <SiteSummary site={ data } /> }
			</CardBody>
		</Card>
	);
}
