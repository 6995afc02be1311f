import { openOrm, redactUrl } from '@ledgerline/db-kit';
import { announceListening, createLogger, installGracefulShutdown, listenOrExit } from '@ledgerline/http-kit';
import { localKeys, remoteKeys } from '@ledgerline/auth-tokens';
import { createApp } from './app.ts';
import { readConfig } from './config.ts';
import { portfolioEntities } from './entities.ts';
import { migrations } from '../migrations/index.ts';
import { seedInstruments } from './instruments/seed-instruments.ts';

const config = readConfig();
const logger = createLogger({ name: 'portfolio', level: config.logLevel });
const orm = await openOrm({ dbName: config.database, entities: portfolioEntities, migrations, logger });
const seeded = await seedInstruments(orm.em.fork(), new Date());
if (seeded) logger.info({ seeded }, 'instruments seeded');
const internalKeys = config.transactionJwks ? localKeys(config.transactionJwks) : remoteKeys(config.transactionJwksUrl);
const app = createApp({ orm, logger, keys: remoteKeys(config.authJwksUrl), internalKeys });
const server = await listenOrExit(app, logger, config, [() => orm.close()]);
announceListening(logger, server, { db: redactUrl(config.database), jwks: config.authJwksUrl, transactionJwks: config.transactionJwks ? 'given' : config.transactionJwksUrl });
installGracefulShutdown(server, logger, [() => orm.close()]);
