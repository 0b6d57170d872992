import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('members')
export class Member {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  email: string;

  @Index()
  @Column()
  teamId: number;

  @Column({ nullable: true })
  githubLogin: string;
}
