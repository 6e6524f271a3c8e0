/**
 * need-mapping owns schools, vacancies and the need index: where in the region staff are needed most. One
 * package per aggregate or capability, each split into domain, application and adapters.
 */
package nl.instroom.needmapping;
