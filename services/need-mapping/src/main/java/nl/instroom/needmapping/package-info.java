/**
 * need-mapping owns schools, vacancies, the need index — where in a region staff are needed most — and the register
 * of labour-market regions every school is placed in. One package per aggregate or capability, each split into
 * domain, application and adapters.
 */
package nl.instroom.needmapping;
