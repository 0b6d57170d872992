class Sync < ApplicationRecord
  scope :newest_first, -> { order(created_at: :desc) }
  scope :unfinished, -> { where("syncs.status IN (?)", %w[pending syncing]) }
end
