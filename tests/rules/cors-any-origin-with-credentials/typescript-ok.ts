// bastion-fixture: server/app.ts
// ok: cors-any-origin-with-credentials
import express from 'express';
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
app.use(cors({ origin: '*' }));
