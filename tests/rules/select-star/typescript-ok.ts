// bastion-fixture: src/db/users.ts
// ok: select-star
import { Pool } from 'pg';
const usersQuery = 'SELECT id FROM users WHERE org_id = $1';
