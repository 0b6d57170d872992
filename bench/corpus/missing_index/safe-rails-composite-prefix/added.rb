class AccountTimeline
  def recent(account)
    Event.where(account_id: account.id).order(created_at: :desc).limit(20)
  end
end
