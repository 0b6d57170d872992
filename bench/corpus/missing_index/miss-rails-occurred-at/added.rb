class DailyReport
  def events_for(day)
    Event.where(occurred_at: day.all_day).to_a
  end
end
