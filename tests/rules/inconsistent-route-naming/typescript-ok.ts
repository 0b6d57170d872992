// bastion-fixture: src/routes/account.ts
// ok: inconsistent-route-naming
import { Router } from 'express';
const router = Router();
router.get('/paymentMethods', listMethods);
router.get('/orderItems', listItems);
router.get('/profiles', listProfiles);
