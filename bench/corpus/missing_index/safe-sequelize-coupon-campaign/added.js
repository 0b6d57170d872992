const { Coupon } = require('../models');

async function couponsOf(campaignId) {
  return Coupon.findAll({ where: { campaign_id: campaignId } });
}

module.exports = { couponsOf };
