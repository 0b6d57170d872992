// bastion-fixture: src/db/users.ts
import { Pool } from 'pg';
// expect: select-star
const usersQuery = 'SELECT * FROM users WHERE org_id = $1';
export const q = usersQuery;
