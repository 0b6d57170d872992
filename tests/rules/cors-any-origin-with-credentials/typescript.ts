// bastion-fixture: src/server/app.ts
import express from 'express';
import cors from 'cors';
import { router } from './routes';

const app = express();
// Reflects whatever Origin the browser sends and lets it read responses with the user's cookies.
// expect: cors-any-origin-with-credentials
app.use(cors({ origin: true, credentials: true }));
app.use('/api', router);

app.listen(Number(process.env.PORT ?? 3000));
