// Entry point for the TypeORM CLI: `npx typeorm-ts-node-commonjs migration:show -d libs/server/database/src/lib/data-source.ts`.
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

export default new DataSource(dataSourceOptions(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/model_inventory'));
