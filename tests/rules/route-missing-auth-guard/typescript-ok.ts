// bastion-fixture: src/routes/orders.ts
// ok: route-missing-auth-guard
import { Router } from 'express';
import { authenticate } from '../middleware/auth';
import { list, show, update, remove } from '../controllers/orders';

export const router = Router();

router.get('/orders', authenticate, list);
router.get('/orders/:id', authenticate, show);
router.patch('/orders/:id', authenticate, update);
router.delete('/orders/:id', authenticate, remove);
