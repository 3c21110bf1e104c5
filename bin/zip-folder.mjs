// Zips a folder so that it unpacks as a folder of the same name: node zip-folder.mjs SOURCE_DIR OUT.zip
import path from 'node:path';
import AdmZip from 'adm-zip';

const [ source, out ] = process.argv.slice( 2 );
if ( ! source || ! out ) {
	process.stderr.write( 'usage: node zip-folder.mjs SOURCE_DIR OUT.zip\n' );
	process.exit( 2 );
}
const zip = new AdmZip();
zip.addLocalFolder( source, path.basename( source ) );
zip.writeZip( out );
