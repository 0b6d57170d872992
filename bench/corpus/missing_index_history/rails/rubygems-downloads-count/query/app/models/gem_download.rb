class GemDownload < ApplicationRecord
  belongs_to :version, optional: true

  scope(:top_gems, -> { where("version_id != 0").includes(:version).order(count: :desc) })
end
