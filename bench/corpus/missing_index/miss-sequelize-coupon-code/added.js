const { Coupon } = require('../models');

async function redeem(code) {
  const coupon = await Coupon.findOne({ where: { code } });
  if (!coupon) throw new Error('unknown coupon');
  return coupon;
}

module.exports = { redeem };
