/**
 * A Fastify route schema for a JSON body that allows only the given properties.
 */
export function bodySchema(
	properties: Record< string, unknown >,
	required: string[] = []
) {
	return {
		body: {
			type: 'object',
			additionalProperties: false,
			properties,
			required,
		},
	};
}
