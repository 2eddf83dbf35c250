import { providerFromModules, type MigrationModule } from './migrator';

// Vite bundles every migration into the server build, so the built app needs no files at run time.
const modules = import.meta.glob<MigrationModule>('/migrations/*.ts', { eager: true });

export const bundledMigrations = providerFromModules(modules);
