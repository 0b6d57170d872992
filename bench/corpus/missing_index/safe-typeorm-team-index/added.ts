import { Repository } from 'typeorm';
import { Member } from '../entities/member.entity';

export async function teamMembers(repo: Repository<Member>, teamId: number) {
  return repo.find({ where: { teamId } });
}
