import { Repository } from 'typeorm';
import { Member } from '../entities/member.entity';

export async function linkGithub(repo: Repository<Member>, login: string) {
  return repo.findOne({ where: { githubLogin: login } });
}
