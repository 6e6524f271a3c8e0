/** Events need-mapping publishes about schools, vacancies and the need index. */
package nl.instroom.events.needmap;
