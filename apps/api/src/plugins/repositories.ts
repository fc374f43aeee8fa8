import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type AssetsRepository, createAssetsRepository } from '../repositories/assets';
import { type CharactersRepository, createCharactersRepository } from '../repositories/characters';
import { createEnvironmentsRepository, type EnvironmentsRepository } from '../repositories/environments';
import { createFilmRepository, type FilmRepository } from '../repositories/film';
import { createHealthRepository, type HealthRepository } from '../repositories/health';
import { createJobsRepository, type JobsRepository } from '../repositories/jobs';
import { createProjectsRepository, type ProjectsRepository } from '../repositories/projects';
import { createScenesRepository, type ScenesRepository } from '../repositories/scenes';
import { createShotsRepository, type ShotsRepository } from '../repositories/shots';
import { createTakesRepository, type TakesRepository } from '../repositories/takes';
import { createProjectViewCache } from '../services/project-view-cache';

declare module 'fastify' {
  interface FastifyInstance {
    projectsRepository: ProjectsRepository;
    charactersRepository: CharactersRepository;
    environmentsRepository: EnvironmentsRepository;
    scenesRepository: ScenesRepository;
    shotsRepository: ShotsRepository;
    assetsRepository: AssetsRepository;
    jobsRepository: JobsRepository;
    takesRepository: TakesRepository;
    filmRepository: FilmRepository;
    healthRepository: HealthRepository;
  }
}

/**
 * The app tier: every database query the routes need, behind one repository per resource. Routes
 * validate, call one of these and send the answer; they never query the database themselves.
 */
export default fp(
  async function repositories(app: FastifyInstance) {
    const { db, assets, renderer } = app;
    // One cache of whole projects, for the project read and the shot states that are planned from it.
    const views = createProjectViewCache(db);
    app.decorate('projectsRepository', createProjectsRepository(db, assets, views));
    app.decorate('charactersRepository', createCharactersRepository(db, assets));
    app.decorate('environmentsRepository', createEnvironmentsRepository(db, assets));
    app.decorate('scenesRepository', createScenesRepository(db));
    app.decorate('shotsRepository', createShotsRepository(db));
    app.decorate('assetsRepository', createAssetsRepository(db, assets, app.dataDir));
    app.decorate('jobsRepository', createJobsRepository(db, renderer));
    app.decorate('takesRepository', createTakesRepository(db, renderer, views));
    app.decorate('filmRepository', createFilmRepository(db, renderer));
    app.decorate('healthRepository', createHealthRepository(db));
  },
  { name: 'repositories', dependencies: ['db', 'render'] },
);
