// bastion-fixture: src/routes/account.ts
import { Router } from 'express';
const router = Router();
router.get('/paymentMethods', listMethods);
router.get('/orderItems', listItems);
// expect: inconsistent-route-naming
router.get('/user_profiles', listProfiles);
