// bastion-fixture: backend/src/config/mock/database.config.mock.ts
// ok: secret-literal
import { registerAs } from '@nestjs/config';

// A test double of the database configuration: the values are the test database's.
export default registerAs('databaseConfig', () => ({
  type: 'postgres',
  host: 'localhost',
  username: 'hedgehog',
  password: 'quill-spine-42',
  database: 'notes_test',
}));
